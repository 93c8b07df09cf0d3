# terraform test for the emergency_site module. It creates real objects: run it against the
# tenant simulator (tests/e2e/pipeline_e2e_test.cc does) or a test tenant, with the provider's
# settings in the environment (OPERATORCONNECT_* or ARM_*). Terraform destroys what the apply
# runs created when the file ends.

provider "operatorconnect" {}

variables {
  country      = "US"
  company_name = "Fernleaf Outfitters"
  address = {
    description       = "Redmond warehouse"
    house_number      = "1"
    street_name       = "Microsoft Way"
    city              = "Redmond"
    state_or_province = "WA"
    postal_code       = "98052"
    latitude          = 47.6396
    longitude         = -122.1283
  }
  places = {
    "Floor 1" = {}
    "Floor 2" = { elin = "4255550100" }
  }
}

run "creates_the_address_and_its_places" {
  assert {
    condition     = operatorconnect_emergency_address.this.city == "Redmond" && operatorconnect_emergency_address.this.country == "US"
    error_message = "the address was not created as declared"
  }
  assert {
    condition     = length(output.location_ids) == 2 && output.location_ids["Floor 2"] != output.default_location_id
    error_message = "expected two places besides the default location"
  }
  assert {
    condition     = operatorconnect_emergency_location.place["Floor 2"].elin == "4255550100" && operatorconnect_emergency_location.place["Floor 2"].country == "US"
    error_message = "Floor 2 lost its ELIN or country"
  }
}

run "edits_the_address_in_place_and_adds_a_place" {
  variables {
    address = {
      description       = "Redmond warehouse"
      house_number      = "1"
      street_name       = "Microsoft Way"
      city              = "Bellevue"
      state_or_province = "WA"
      postal_code       = "98052"
      latitude          = 47.6396
      longitude         = -122.1283
    }
    places = {
      "Floor 1"      = {}
      "Floor 2"      = { elin = "4255550100" }
      "Loading dock" = {}
    }
  }

  assert {
    condition     = output.address_id == run.creates_the_address_and_its_places.address_id
    error_message = "a city change in the US must not replace the address"
  }
  assert {
    condition     = operatorconnect_emergency_address.this.city == "Bellevue"
    error_message = "the city was not updated"
  }
  assert {
    condition     = output.location_ids["Floor 1"] == run.creates_the_address_and_its_places.location_ids["Floor 1"] && length(output.location_ids) == 3
    error_message = "existing places must be kept and the new one added"
  }
}
