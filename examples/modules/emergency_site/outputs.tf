output "address_id" {
  description = "The civic address id."
  value       = operatorconnect_emergency_address.this.id
}

output "default_location_id" {
  description = "The address's default location, for numbers that need no finer place."
  value       = operatorconnect_emergency_address.this.default_location_id
}

output "location_ids" {
  description = "Location id of each place, by place name: what a number assignment's location_id takes."
  value       = { for name, place in operatorconnect_emergency_location.place : name => place.id }
}
