# The locations of one civic address (its default location included), e.g. to look up a
# location by description for a phone number assignment.
data "operatorconnect_emergency_locations" "hq" {
  civic_address_id = "5a9f8e7d-0c1b-4e2a-9d3f-6b7a8c9d0e1f"
}

output "hq_locations" {
  value = { for l in data.operatorconnect_emergency_locations.hq.locations : coalesce(l.description, "(default)") => l.id }
}
