resource "operatorconnect_emergency_address" "redmond" {
  country      = "US"
  company_name = "Contoso"
  street_name  = "Microsoft Way"
  city         = "Redmond"
  latitude     = 47.6396
  longitude    = -122.1283
}

# A floor of the building. Changing the description, or setting or changing the ELIN, is an
# in-place update; removing the ELIN replaces the location (the service cannot clear it).
resource "operatorconnect_emergency_location" "floor_3" {
  civic_address_id = operatorconnect_emergency_address.redmond.id
  description      = "Floor 3"
  elin             = "4255550100"
}
