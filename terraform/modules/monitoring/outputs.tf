output "node_log_group_name" {
  description = "Where the nodes' logs go."
  value       = aws_cloudwatch_log_group.nodes.name
}

output "node_log_group_arn" {
  description = "The nodes' log group's ARN."
  value       = aws_cloudwatch_log_group.nodes.arn
}

output "alarm_topic_arn" {
  description = "The alarm topic."
  value       = aws_sns_topic.alarms.arn
}
