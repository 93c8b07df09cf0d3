# The module's variable validations, at plan time: nothing reaches the tenant.

provider "operatorconnect" {}

variables {
  country      = "US"
  company_name = "Fernleaf Outfitters"
  address = {
    street_name = "Microsoft Way"
    city        = "Redmond"
    latitude    = 47.6396
    longitude   = -122.1283
  }
}

run "rejects_a_lower_case_country" {
  command = plan
  variables {
    country = "us"
  }
  expect_failures = [var.country]
}

run "rejects_half_a_geocode" {
  command = plan
  variables {
    address = {
      street_name = "Microsoft Way"
      city        = "Redmond"
      latitude    = 47.6396
    }
  }
  expect_failures = [var.address]
}

run "rejects_a_malformed_elin" {
  command = plan
  variables {
    places = { "Floor 1" = { elin = "12-34" } }
  }
  expect_failures = [var.places]
}
