terraform {
  required_version = ">= 1.6"
  required_providers {
    operatorconnect = {
      source  = "localhost/operatorconnect/operatorconnect"
      version = ">= 0.1.0"
    }
  }
}
