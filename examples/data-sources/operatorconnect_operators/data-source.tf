# Operators that offer calling in the UK.
data "operatorconnect_operators" "uk_calling" {
  country    = "GB"
  offer_type = "calling"
}

output "uk_calling_operators" {
  value = { for op in data.operatorconnect_operators.uk_calling.operators : op.display_name => op.id }
}
