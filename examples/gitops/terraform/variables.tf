variable "operator_name" {
  description = "Display name of the operator in the Operator Connect catalog."
  type        = string
  default     = "Bluefin Telecom"
}

variable "countries" {
  description = "Countries in which the operator serves the tenant."
  type        = set(string)
  default     = ["GB", "US"]
}

variable "contact" {
  description = "Who the operator contacts."
  type = object({
    full_name    = string
    email        = string
    company_name = string
    company_size = string
  })
  default = {
    full_name    = "Alice Hughes"
    email        = "alice.hughes@fernleaf.example"
    company_name = "Fernleaf Outfitters"
    company_size = "L250_U999"
  }
}

variable "sites" {
  description = "Emergency addresses by name, each with its floors."
  type = map(object({
    country      = string
    house_number = optional(string)
    street_name  = string
    city         = string
    postal_code  = optional(string)
    latitude     = optional(number)
    longitude    = optional(number)
    floors       = list(string)
  }))
  default = {
    "London office" = {
      country      = "GB"
      house_number = "221"
      street_name  = "Baker Street"
      city         = "London"
      postal_code  = "NW1 6XE"
      latitude     = 51.5237
      longitude    = -0.1585
      floors       = ["Floor 1", "Floor 2"]
    }
  }
}

variable "assignments" {
  description = "Number (E.164) => the user or resource account it is assigned to, and the place (\"<site>/<floor>\")."
  type = map(object({
    user_id = string
    place   = string
  }))
  default = {}
}
