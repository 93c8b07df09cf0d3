data "operatorconnect_operator" "bluefin" {
  display_name = "Bluefin Telecom"
}

# Enable Bluefin Telecom for the UK and Ireland.
resource "operatorconnect_operator_relationship" "bluefin" {
  operator_id = data.operatorconnect_operator.bluefin.id
  countries   = ["GB", "IE"]

  contact = {
    full_name        = "Alice Hughes"
    email            = "alice.hughes@fernleaf.example"
    telephone_number = "+44 20 7946 0018"
    company_name     = "Fernleaf Outfitters"
    company_size     = "L100_U249"
  }

  # Microsoft's data transfer notice: the operator receives the tenant's contact and calling
  # data. It must be accepted to enable an operator.
  data_transfer_notice_accepted = true

  # To make apply wait until the operator has signed the agreement, uncomment these. They are
  # settings of this provider, not of the tenant: an import sets their defaults (false, "30m"),
  # so an imported relationship configured with other values plans an update of just these.
  # wait_for_agreement = true
  # agreement_timeout  = "2h"
}

output "bluefin_relationship_status" {
  value = operatorconnect_operator_relationship.bluefin.relationship_status
}
