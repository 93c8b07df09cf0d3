# Every civic address of the tenant in Redmond, US (all filters are optional).
data "operatorconnect_emergency_addresses" "redmond" {
  country = "US"
  city    = "Redmond"
}

output "redmond_address_ids" {
  value = [for a in data.operatorconnect_emergency_addresses.redmond.addresses : a.id]
}

output "redmond_default_locations" {
  value = { for a in data.operatorconnect_emergency_addresses.redmond.addresses : a.id => a.default_location_id }
}
