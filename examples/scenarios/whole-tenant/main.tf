# A whole tenant in one configuration: two operators serving overlapping countries, three
# office addresses with several places each, and the numbers the operators provisioned,
# assigned to users with the right emergency location.
#
# Operators provision numbers only after the relationship exists, so this is applied in two
# stages: first with `number_assignments = {}` (relationships, addresses, places), then, once
# the operators have uploaded the numbers, with the assignments filled in (see
# terraform.tfvars.example). tests/e2e/tenant_e2e_test.cc runs exactly this file.
terraform {
  required_providers {
    operatorconnect = {
      source  = "localhost/operatorconnect/operatorconnect"
      version = "0.1.0"
    }
  }
}

# Settings come from the environment (OPERATORCONNECT_* or ARM_*).
provider "operatorconnect" {}

variable "number_assignments" {
  description = "Telephone number => who gets it (user or resource account object id) and, optionally, the place (\"<office>/<place>\", a key of local.places) for emergency calls."
  type = map(object({
    user  = string
    place = optional(string)
  }))
  default = {}
}

locals {
  contact = {
    full_name        = "Alice Hughes"
    email            = "alice.hughes@fernleaf.example"
    telephone_number = "+44 20 7946 0000"
    company_name     = "Fernleaf Outfitters"
    company_size     = "L250_U999"
  }

  # Operator => the countries it serves for this tenant. GB and IE are served by both.
  operators = {
    "Bluefin Telecom" = ["GB", "IE", "US"]
    "Polaris Connect" = ["GB", "IE", "DE"]
  }

  offices = {
    london = {
      country      = "GB"
      description  = "London office"
      house_number = "221"
      street_name  = "Baker Street"
      city         = "London"
      postal_code  = "NW1 6XE"
      latitude     = 51.5237
      longitude    = -0.1585
      places       = ["Reception", "Floor 2", "Floor 3"]
    }
    dublin = {
      country      = "IE"
      description  = "Dublin office"
      house_number = "12"
      street_name  = "Grafton Street"
      city         = "Dublin"
      postal_code  = "D02 X285"
      latitude     = 53.3409
      longitude    = -6.2602
      places       = ["Ground floor", "Floor 1"]
    }
    berlin = {
      country      = "DE"
      description  = "Berlin office"
      house_number = "1"
      street_name  = "Unter den Linden"
      city         = "Berlin"
      postal_code  = "10117"
      latitude     = 52.5170
      longitude    = 13.3889
      places       = ["Empfang", "Etage 4"]
    }
  }

  # "<office>/<place>" => the place.
  places = merge([
    for office_key, office in local.offices : {
      for place in office.places : "${office_key}/${place}" => {
        office      = office_key
        description = place
      }
    }
  ]...)
}

data "operatorconnect_operator" "this" {
  for_each     = local.operators
  display_name = each.key
}

resource "operatorconnect_operator_relationship" "this" {
  for_each = local.operators

  operator_id                   = data.operatorconnect_operator.this[each.key].id
  countries                     = each.value
  contact                       = local.contact
  data_transfer_notice_accepted = true
}

resource "operatorconnect_emergency_address" "office" {
  for_each = local.offices

  country      = each.value.country
  company_name = "Fernleaf Outfitters"
  description  = each.value.description
  house_number = each.value.house_number
  street_name  = each.value.street_name
  city         = each.value.city
  postal_code  = each.value.postal_code
  latitude     = each.value.latitude
  longitude    = each.value.longitude
}

resource "operatorconnect_emergency_location" "place" {
  for_each = local.places

  civic_address_id = operatorconnect_emergency_address.office[each.value.office].id
  description      = each.value.description
}

resource "operatorconnect_phone_number_assignment" "this" {
  for_each = var.number_assignments

  telephone_number     = each.key
  assignment_target_id = each.value.user
  location_id          = each.value.place == null ? null : operatorconnect_emergency_location.place[each.value.place].id

  # Numbers belong to the operators: unassign them before a relationship goes away.
  depends_on = [operatorconnect_operator_relationship.this]
}

output "operators" {
  value = { for name, r in operatorconnect_operator_relationship.this : name => r.status }
}

output "places" {
  value = { for key, place in operatorconnect_emergency_location.place : key => place.id }
}

output "assigned_numbers" {
  value = { for number, a in operatorconnect_phone_number_assignment.this : number => a.assignment_status }
}
