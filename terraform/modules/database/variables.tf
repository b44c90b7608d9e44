variable "name" {
  description = "Prefix of every resource name."
  type        = string
}

variable "subnet_ids" {
  description = "The private subnets, in two zones at least (Multi-AZ)."
  type        = list(string)
}

variable "security_group_id" {
  description = "The database's security group (PostgreSQL from the nodes only)."
  type        = string
}

variable "kms_key_arn" {
  description = "Key that encrypts storage, backups, Performance Insights and the master secret."
  type        = string
}

variable "instance_class" {
  description = "RDS instance class."
  type        = string
}

variable "storage_gb" {
  description = "Initial storage in GiB."
  type        = number
}

variable "backup_days" {
  description = "Days of automated backups."
  type        = number
}
