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
