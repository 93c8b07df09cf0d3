# The import id is the operator id.
terraform import operatorconnect_operator_relationship.bluefin "fb450e35-d758-4caa-b81c-c98f93176c14"
