# Which tenant and app this configuration runs as, e.g. to tag outputs or check a pipeline's
# credentials before it changes anything.
data "operatorconnect_client_config" "current" {}

output "tenant_id" {
  value = data.operatorconnect_client_config.current.tenant_id
}
