variable "name" {
  description = "Prefix of every resource name."
  type        = string
}

variable "cidr" {
  description = "The VPC's address range."
  type        = string
}

variable "availability_zones" {
  description = "The zones to spread over; one public and one private subnet each."
  type        = list(string)

  validation {
    condition     = length(var.availability_zones) >= 2
    error_message = "At least two availability zones: the balancer and Multi-AZ RDS need them."
  }
}

variable "kms_key_arn" {
  description = "Key that encrypts the flow logs."
  type        = string
}

variable "log_retention_days" {
  description = "Days the flow logs are kept."
  type        = number
}
