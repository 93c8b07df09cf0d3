# A US address: the service allows edits there, so changing e.g. the city is an in-place update.
resource "operatorconnect_emergency_address" "redmond" {
  country           = "US"
  company_name      = "Contoso"
  description       = "Redmond campus, building 1"
  house_number      = "1"
  street_name       = "Microsoft Way"
  city              = "Redmond"
  state_or_province = "WA"
  postal_code       = "98052"
  latitude          = 47.6396
  longitude         = -122.1283
}

# A GB address: the service forbids edits in GB, so any change replaces the address
# (and the plan marks the changed fields with "# forces replacement").
resource "operatorconnect_emergency_address" "london" {
  country      = "GB"
  company_name = "Contoso Ltd"
  house_number = "221"
  street_name  = "Baker Street"
  city         = "London"
  postal_code  = "NW1 6XE"
  latitude     = 51.5237
  longitude    = -0.1585
}

# AU and JP addresses may omit latitude and longitude.
resource "operatorconnect_emergency_address" "sydney" {
  country           = "AU"
  company_name      = "Contoso Pty Ltd"
  street_name       = "George Street"
  city              = "Sydney"
  state_or_province = "NSW"
  postal_code       = "2000"
}

output "redmond_default_location_id" {
  value = operatorconnect_emergency_address.redmond.default_location_id
}
