# Import an existing emergency location by its location ID.
terraform import operatorconnect_emergency_location.floor_3 "0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b"
