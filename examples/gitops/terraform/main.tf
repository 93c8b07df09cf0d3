# The tenant's Operator Connect setup, changed only through pull requests (see ../README.md).
# Settings come from the pipeline's environment: ARM_TENANT_ID, ARM_CLIENT_ID and
# ARM_CLIENT_SECRET (the provider's fallbacks for tenant_id, client_id and client_secret).
provider "operatorconnect" {}

data "operatorconnect_operator" "carrier" {
  display_name = var.operator_name
}

resource "operatorconnect_operator_relationship" "carrier" {
  operator_id = data.operatorconnect_operator.carrier.id
  countries   = var.countries

  contact = {
    full_name    = var.contact.full_name
    email        = var.contact.email
    company_name = var.contact.company_name
    company_size = var.contact.company_size
  }

  data_transfer_notice_accepted = true
}

resource "operatorconnect_emergency_address" "site" {
  for_each = var.sites

  country      = each.value.country
  company_name = var.contact.company_name
  description  = each.key
  house_number = each.value.house_number
  street_name  = each.value.street_name
  city         = each.value.city
  postal_code  = each.value.postal_code
  latitude     = each.value.latitude
  longitude    = each.value.longitude
}

resource "operatorconnect_emergency_location" "floor" {
  for_each = merge([
    for site, spec in var.sites : { for floor in spec.floors : "${site}/${floor}" => { site = site, floor = floor } }
  ]...)

  civic_address_id = operatorconnect_emergency_address.site[each.value.site].id
  description      = each.value.floor
}

# Numbers exist only once the operator has uploaded them into the active relationship: add
# entries here after the operator confirms the upload (docs/guides/first-rollout.md).
resource "operatorconnect_phone_number_assignment" "user" {
  for_each = var.assignments

  telephone_number     = each.key
  assignment_target_id = each.value.user_id
  location_id          = operatorconnect_emergency_location.floor[each.value.place].id

  # Destroy order: numbers are unassigned before the relationship that provides them goes.
  depends_on = [operatorconnect_operator_relationship.carrier]
}
