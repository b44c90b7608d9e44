output "address" {
  description = "Host name of the primary."
  value       = aws_db_instance.this.address
}

output "identifier" {
  description = "The instance's identifier, for its CloudWatch metrics."
  value       = aws_db_instance.this.identifier
}

output "database_name" {
  description = "The database the nodes use."
  value       = aws_db_instance.this.db_name
}

output "master_username" {
  description = "The user the nodes connect as."
  value       = aws_db_instance.this.username
}

output "master_secret_arn" {
  description = "Secrets Manager secret with the master password, created and rotated by RDS."
  value       = aws_db_instance.this.master_user_secret[0].secret_arn
}
