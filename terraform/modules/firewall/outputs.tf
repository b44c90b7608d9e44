output "balancer_security_group_id" {
  description = "The balancer's group."
  value       = aws_security_group.balancer.id
}

output "node_security_group_id" {
  description = "The nodes' group."
  value       = aws_security_group.nodes.id
}

output "database_security_group_id" {
  description = "The database's group."
  value       = aws_security_group.database.id
}
