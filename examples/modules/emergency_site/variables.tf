variable "country" {
  description = "ISO 3166-1 alpha-2 country code of the site, in upper case (e.g. `US`)."
  type        = string

  validation {
    condition     = can(regex("^[A-Z]{2}$", var.country))
    error_message = "country must be a two-letter ISO 3166-1 code in upper case, such as \"US\" or \"GB\"."
  }
}

variable "company_name" {
  description = "Name of the company at the address, as emergency services see it."
  type        = string

  validation {
    condition     = length(trimspace(var.company_name)) > 0
    error_message = "company_name must not be empty."
  }
}

variable "address" {
  description = "The civic address of the site. latitude and longitude are required (both) except in AU and JP."
  type = object({
    description       = optional(string)
    house_number      = optional(string)
    street_name       = string
    city              = string
    state_or_province = optional(string)
    postal_code       = optional(string)
    latitude          = optional(number)
    longitude         = optional(number)
  })

  validation {
    condition     = (var.address.latitude == null) == (var.address.longitude == null)
    error_message = "address.latitude and address.longitude must be set together: set both or neither."
  }
}

variable "places" {
  description = "Places within the address (floors, rooms), keyed by their name, each with an optional ELIN. Numbers are assigned to a place's location id (output location_ids)."
  type = map(object({
    elin = optional(string)
  }))
  default = {}

  validation {
    condition     = alltrue([for name in keys(var.places) : length(trimspace(name)) > 0 && length(name) <= 128])
    error_message = "Each place name (a key of places) must be 1 to 128 characters."
  }

  validation {
    condition     = alltrue([for place in values(var.places) : place.elin == null || can(regex("^[0-9]{10}$", place.elin))])
    error_message = "An ELIN must be exactly ten digits."
  }
}
