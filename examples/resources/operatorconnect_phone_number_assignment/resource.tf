# Assign an Operator Connect number to a user, with an emergency location.
resource "operatorconnect_phone_number_assignment" "reception" {
  # Any international spelling works: "+442079460001" is the same number and shows no diff.
  telephone_number     = "+44 20 7946 0001"
  assignment_target_id = "a0e118f7-4ff5-40de-86ed-6d26030fd1b8" # the user's object id
  location_id          = operatorconnect_emergency_location.reception.id
}

# A resource account (e.g. an auto attendant) gets a number the same way.
resource "operatorconnect_phone_number_assignment" "main_line" {
  telephone_number     = "+44 20 7946 0002"
  assignment_target_id = "d8e4eb4d-11ac-4b59-b56f-5dac62e3844b"
  assignment_category  = "primary"
  number_type          = "operatorConnect"
}
