# Every unassigned number of one operator in Great Britain that can go to a user.
data "operatorconnect_phone_numbers" "free_gb" {
  operator_id       = "fb450e35-d758-4caa-b81c-c98f93176c14"
  country           = "GB"
  assignment_status = "unassigned"
  capability        = "userAssignment"
}

# The whole inventory, however large (read page by page).
data "operatorconnect_phone_numbers" "all" {}

output "free_gb_numbers" {
  value = [for n in data.operatorconnect_phone_numbers.free_gb.numbers : n.telephone_number]
}

# Numbers grouped by the operator that provides them.
output "numbers_by_operator" {
  value = {
    for n in data.operatorconnect_phone_numbers.all.numbers :
    coalesce(n.operator_name, "(not in the catalog)") => n.telephone_number...
  }
}
