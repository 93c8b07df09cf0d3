# Any spelling of a number becomes the E.164 form the service stores.
locals {
  reception = provider::operatorconnect::normalize_e164("+44 (0)20 7946 0101") # "+442079460101"
}

# E.g. to key numbers from a spreadsheet the way the provider sees them.
variable "desk_numbers" {
  type    = map(string) # user object id => number as typed by people
  default = {}
}

resource "operatorconnect_phone_number_assignment" "desk" {
  for_each             = var.desk_numbers
  telephone_number     = provider::operatorconnect::normalize_e164(each.value)
  assignment_target_id = each.key
}
