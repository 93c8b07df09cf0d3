# Quickstart: enable an operator for two countries, create an emergency address with a place,
# and assign the numbers the operator provisions. scripts/quickstart.sh runs it against the
# tenant simulator; against a real tenant set ARM_TENANT_ID, ARM_CLIENT_ID, ARM_CLIENT_SECRET.
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

variable "operator_name" {
  description = "Display name of the operator to enable."
  type        = string
  default     = "Bluefin Telecom"
}

variable "number_assignments" {
  description = "Numbers the operator has provisioned, mapped to the user or resource account object id to assign each to."
  type        = map(string)
  default     = {}
}

data "operatorconnect_operator" "carrier" {
  display_name = var.operator_name
}

resource "operatorconnect_operator_relationship" "carrier" {
  operator_id = data.operatorconnect_operator.carrier.id
  countries   = ["GB", "US"]

  contact = {
    full_name        = "Alice Hughes"
    email            = "alice.hughes@fernleaf.example"
    telephone_number = "+44 20 7946 0000"
    company_name     = "Fernleaf Outfitters"
    company_size     = "L250_U999"
  }

  data_transfer_notice_accepted = true

  # The operator provisions numbers only once it has signed the agreement: wait for that, so
  # the relationship is settled when the apply ends (the simulated operator takes seconds).
  wait_for_agreement = true
  agreement_timeout  = "10m"
}

resource "operatorconnect_emergency_address" "london" {
  country      = "GB"
  company_name = "Fernleaf Outfitters"
  description  = "London office"
  house_number = "221"
  street_name  = "Baker Street"
  city         = "London"
  postal_code  = "NW1 6XE"
  latitude     = 51.5237
  longitude    = -0.1585
}

resource "operatorconnect_emergency_location" "london_floor_2" {
  civic_address_id = operatorconnect_emergency_address.london.id
  description      = "Floor 2"
}

resource "operatorconnect_phone_number_assignment" "this" {
  for_each = var.number_assignments

  telephone_number     = each.key
  assignment_target_id = each.value
  location_id          = operatorconnect_emergency_location.london_floor_2.id

  depends_on = [operatorconnect_operator_relationship.carrier]
}

output "operator" {
  value = {
    name                = operatorconnect_operator_relationship.carrier.operator_name
    status              = operatorconnect_operator_relationship.carrier.status
    relationship_status = operatorconnect_operator_relationship.carrier.relationship_status
  }
}

output "emergency_location_id" {
  value = operatorconnect_emergency_location.london_floor_2.id
}

output "assigned_numbers" {
  value = { for n, a in operatorconnect_phone_number_assignment.this : n => a.activation_state }
}
