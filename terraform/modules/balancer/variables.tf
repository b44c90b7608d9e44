variable "name" {
  description = "Prefix of every resource name (at most 32 characters: the balancer's name)."
  type        = string
}

variable "vpc_id" {
  description = "The VPC of the nodes."
  type        = string
}

variable "public_subnet_ids" {
  description = "One public subnet in each of two zones at least."
  type        = list(string)
}

variable "security_group_id" {
  description = "The balancer's security group."
  type        = string
}

variable "certificate_arn" {
  description = "ACM certificate of the HTTPS listener."
  type        = string
}

variable "node_port" {
  description = "The nodes' HTTP port."
  type        = number
}

variable "idle_timeout_seconds" {
  description = "How long a connection may stay quiet; above three heartbeats, so sockets are closed by the nodes' own rule."
  type        = number
}

variable "deregistration_delay_seconds" {
  description = "How long a deregistered node keeps its connections; covers CHAT_DRAIN_SECONDS."
  type        = number
}

variable "health_check_path" {
  description = "The readiness route."
  type        = string
}

variable "requests_per_address_per_5_minutes" {
  description = "HTTP requests one client address may make in five minutes before WAF blocks it (a chat client mostly holds one WebSocket)."
  type        = number
}

variable "kms_key_arn" {
  description = "Key that encrypts the firewall's log."
  type        = string
}

variable "log_retention_days" {
  description = "Days the firewall's log is kept."
  type        = number
}
