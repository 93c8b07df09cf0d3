# Import an existing civic address by its civic address ID.
terraform import operatorconnect_emergency_address.redmond "5a9f8e7d-0c1b-4e2a-9d3f-6b7a8c9d0e1f"
