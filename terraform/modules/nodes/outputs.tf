output "autoscaling_group_name" {
  description = "The nodes' Auto Scaling group."
  value       = aws_autoscaling_group.this.name
}
