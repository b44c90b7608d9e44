output "dns_name" {
  description = "The balancer's DNS name."
  value       = aws_lb.this.dns_name
}

output "arn_suffix" {
  description = "For the balancer's CloudWatch metrics."
  value       = aws_lb.this.arn_suffix
}

output "target_group_arn" {
  description = "The nodes' target group, which the Auto Scaling group registers instances in."
  value       = aws_lb_target_group.nodes.arn
}

output "target_group_arn_suffix" {
  description = "For the target group's CloudWatch metrics."
  value       = aws_lb_target_group.nodes.arn_suffix
}
