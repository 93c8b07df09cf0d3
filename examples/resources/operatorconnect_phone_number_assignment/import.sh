# Import an existing assignment by its telephone number (E.164).
terraform import operatorconnect_phone_number_assignment.reception "+442079460001"
