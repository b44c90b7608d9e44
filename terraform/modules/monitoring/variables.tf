variable "name" {
  description = "Prefix of every resource name."
  type        = string
}

variable "kms_key_arn" {
  description = "Key that encrypts the logs and the alarm topic."
  type        = string
}

variable "log_retention_days" {
  description = "Days the nodes' logs are kept."
  type        = number
}

variable "alarm_email" {
  description = "Subscriber of the alarm topic; empty for none."
  type        = string
}

variable "balancer_arn_suffix" {
  description = "The balancer, as its metrics name it."
  type        = string
}

variable "target_group_arn_suffix" {
  description = "The nodes' target group, as its metrics name it."
  type        = string
}

variable "database_identifier" {
  description = "The RDS instance's identifier."
  type        = string
}

variable "database_storage_gb" {
  description = "The database's initial storage, for the free-storage alarm."
  type        = number
}
