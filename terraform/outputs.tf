output "url" {
  description = "Where users reach the chat: the balancer's HTTPS address (point your DNS name at it)."
  value       = "https://${module.balancer.dns_name}"
}

output "artifact_bucket" {
  description = "The versioned bucket the deploy workflow uploads releases to (releases/<release>/)."
  value       = module.artifacts.bucket
}

output "autoscaling_group_name" {
  description = "The nodes' Auto Scaling group: watch instance refreshes and scaling here."
  value       = module.nodes.autoscaling_group_name
}

output "node_log_group" {
  description = "CloudWatch log group with every node's log, one JSON object a line."
  value       = module.monitoring.node_log_group_name
}

output "alarm_topic_arn" {
  description = "SNS topic every alarm notifies."
  value       = module.monitoring.alarm_topic_arn
}

output "database_endpoint" {
  description = "The PostgreSQL primary, reachable from the nodes only."
  value       = module.database.address
}
