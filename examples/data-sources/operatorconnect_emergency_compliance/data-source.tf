# The whole tenant: every assigned number, consent and emergency address.
data "operatorconnect_emergency_compliance" "tenant" {}

# Only one country, or only one operator's numbers and consented countries.
data "operatorconnect_emergency_compliance" "gb" {
  country = "GB"
}

# `terraform plan` warns (and still succeeds) while the tenant is not compliant; a pipeline
# can fail on it with `terraform plan -detailed-exitcode` or by reading `compliant`.
check "emergency_calling" {
  assert {
    condition     = data.operatorconnect_emergency_compliance.tenant.compliant
    error_message = "Emergency calling is not compliant:\n${data.operatorconnect_emergency_compliance.tenant.summary}"
  }
}

output "numbers_without_location" {
  value = data.operatorconnect_emergency_compliance.tenant.numbers_without_location
}
