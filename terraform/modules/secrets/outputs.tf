output "kms_key_arn" {
  description = "The deployment's customer-managed key."
  value       = aws_kms_key.this.arn
}

output "token_secret_arn" {
  description = "Secrets Manager secret holding CHAT_TOKEN_SECRET."
  value       = aws_secretsmanager_secret.shared["token"].arn
}

output "cluster_secret_arn" {
  description = "Secrets Manager secret holding CHAT_CLUSTER_SECRET."
  value       = aws_secretsmanager_secret.shared["cluster"].arn
}
