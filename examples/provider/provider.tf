terraform {
  required_providers {
    operatorconnect = {
      source  = "localhost/operatorconnect/operatorconnect"
      version = "0.1.0"
    }
  }
}

# Credentials: leave these variables unset to use the environment instead
# (ARM_TENANT_ID, ARM_CLIENT_ID, ARM_CLIENT_SECRET, or the OPERATORCONNECT_* names).
variable "tenant_id" {
  description = "Microsoft Entra tenant (directory) ID."
  type        = string
  default     = null
}

variable "client_id" {
  description = "Application (client) ID of the app registration."
  type        = string
  default     = null
}

variable "client_secret" {
  description = "Client secret of the app registration."
  type        = string
  sensitive   = true
  default     = null
}

# The local tenant simulator serves both the tenant API and the token endpoint. Against the
# real service, set both to null (the defaults are https://graph.microsoft.com and
# https://login.microsoftonline.com).
variable "simulator_url" {
  description = "Base URL of the tenant simulator, e.g. http://127.0.0.1:8080."
  type        = string
  default     = "http://127.0.0.1:8080"
}

provider "operatorconnect" {
  tenant_id     = var.tenant_id
  client_id     = var.client_id
  client_secret = var.client_secret

  endpoint      = var.simulator_url
  authority_url = var.simulator_url

  request_timeout = "30s"
  max_retries     = 3
}
