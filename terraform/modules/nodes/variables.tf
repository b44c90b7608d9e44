variable "name" {
  description = "Prefix of every resource name."
  type        = string
}

variable "region" {
  description = "The deployment's region."
  type        = string
}

variable "private_subnet_ids" {
  description = "Where the nodes run, one subnet a zone."
  type        = list(string)
}

variable "security_group_id" {
  description = "The nodes' security group."
  type        = string
}

variable "target_group_arn" {
  description = "The balancer's target group the nodes register in."
  type        = string
}

variable "kms_key_arn" {
  description = "Key of the volumes and the secrets."
  type        = string
}

variable "artifact_bucket" {
  description = "Bucket holding releases/<release>/chat-node.jar and launch-node."
  type        = string
}

variable "files_bucket" {
  description = "Bucket the nodes keep files' bytes in, under files/ (CHAT_FILE_STORE=s3)."
  type        = string
}

variable "release" {
  description = "The release the nodes run."
  type        = string
}

variable "instance_type" {
  description = "EC2 instance type."
  type        = string
}

variable "heap" {
  description = "JVM heap of a node."
  type        = string
}

variable "min_size" {
  description = "Fewest nodes."
  type        = number
}

variable "max_size" {
  description = "Most nodes."
  type        = number
}

variable "cpu_target_percent" {
  description = "Average CPU the group scales to hold."
  type        = number
}

variable "sockets_per_node_target" {
  description = "Average open sockets per node the group scales to hold."
  type        = number
}

variable "http_port" {
  description = "The nodes' HTTP port."
  type        = number
}

variable "grid_port" {
  description = "The nodes' data grid port."
  type        = number
}

variable "log_group_name" {
  description = "CloudWatch log group of the nodes' logs."
  type        = string
}

variable "secret_arns" {
  description = "Secrets Manager secrets a node reads at every start: token, cluster and database."
  type = object({
    token    = string
    cluster  = string
    database = string
  })
}

variable "database_address" {
  description = "Host name of the PostgreSQL primary."
  type        = string
}

variable "database_name" {
  description = "The database."
  type        = string
}

variable "database_user" {
  description = "The user the nodes connect as."
  type        = string
}

variable "node_environment" {
  description = "More CHAT_* variables for every node (docs/configuration.md)."
  type        = map(string)
  default     = {}

  validation {
    condition     = alltrue([for key in keys(var.node_environment) : can(regex("^CHAT_[A-Z0-9_]+$", key))])
    error_message = "node_environment takes CHAT_* variables only."
  }
}
