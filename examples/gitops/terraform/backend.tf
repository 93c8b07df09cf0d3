terraform {
  required_version = ">= 1.6"

  required_providers {
    operatorconnect = {
      source  = "localhost/operatorconnect/operatorconnect"
      version = "~> 0.1"
    }
  }

  # The team's state lives in an Azure Storage blob container, so every pipeline run and every
  # engineer sees the same state, and Terraform locks it (a blob lease) while a plan or apply
  # runs. The storage account is the team's own; the app registration that runs the pipeline
  # needs "Storage Blob Data Contributor" on the container. The backend reads the same ARM_*
  # variables as the provider (ARM_SUBSCRIPTION_ID too); use_azuread_auth avoids storage keys.
  # CI disables it for syntax checks only: terraform init -backend=false.
  backend "azurerm" {
    resource_group_name  = "rg-teams-telephony"
    storage_account_name = "sttelephonystate"
    container_name       = "tfstate"
    key                  = "operatorconnect/production.tfstate"
    use_azuread_auth     = true
  }
}
