# One operator by its catalog name (or set `id` instead).
data "operatorconnect_operator" "bluefin" {
  display_name = "Bluefin Telecom"
}

output "bluefin_countries" {
  value = data.operatorconnect_operator.bluefin.countries
}
