# An emergency site: one civic address and the places within it (floors, rooms) to which phone
# numbers are assigned. The address's default location comes with the address; the places are
# extra locations.

resource "operatorconnect_emergency_address" "this" {
  country           = var.country
  company_name      = var.company_name
  description       = var.address.description
  house_number      = var.address.house_number
  street_name       = var.address.street_name
  city              = var.address.city
  state_or_province = var.address.state_or_province
  postal_code       = var.address.postal_code
  latitude          = var.address.latitude
  longitude         = var.address.longitude
}

resource "operatorconnect_emergency_location" "place" {
  for_each = var.places

  civic_address_id = operatorconnect_emergency_address.this.id
  description      = each.key
  elin             = each.value.elin
}
