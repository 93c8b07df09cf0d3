# The country of a number, for the emergency address it needs.
locals {
  london  = provider::operatorconnect::e164_country("+44 20 7946 0101") # "GB"
  toronto = provider::operatorconnect::e164_country("+1 416 555 0100")  # "CA"
  seattle = provider::operatorconnect::e164_country("+1 206 555 0100")  # "US"
}

# Pick each number's location by the number's own country.
variable "locations_by_country" {
  type = map(string) # ISO country => emergency location id
}

variable "numbers" {
  type = map(string) # user object id => number
}

resource "operatorconnect_phone_number_assignment" "user" {
  for_each             = var.numbers
  telephone_number     = each.value
  assignment_target_id = each.key
  location_id          = var.locations_by_country[provider::operatorconnect::e164_country(each.value)]
}
