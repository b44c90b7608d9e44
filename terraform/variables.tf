variable "region" {
  description = "AWS region of the whole deployment; two of its availability zones are used."
  type        = string
  default     = "eu-west-1"

  validation {
    condition     = can(regex("^[a-z]{2}(-[a-z]+)+-[0-9]$", var.region))
    error_message = "region must be an AWS region name such as eu-west-1."
  }
}

variable "environment" {
  description = "Name of this deployment (production, staging); prefixes every resource name."
  type        = string
  default     = "production"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,20}$", var.environment))
    error_message = "environment must be 2-21 lowercase letters, digits or dashes, starting with a letter."
  }
}

variable "vpc_cidr" {
  description = "Address range of the VPC; split into a public and a private /20 per availability zone."
  type        = string
  default     = "10.40.0.0/16"

  validation {
    condition     = can(cidrhost(var.vpc_cidr, 0)) && tonumber(split("/", var.vpc_cidr)[1]) <= 18
    error_message = "vpc_cidr must be an IPv4 CIDR block of /18 or larger."
  }
}

variable "certificate_arn" {
  description = "ACM certificate for the balancer's HTTPS listener (in this region)."
  type        = string

  validation {
    condition     = can(regex("^arn:aws:acm:[a-z0-9-]+:[0-9]{12}:certificate/.+$", var.certificate_arn))
    error_message = "certificate_arn must be an ACM certificate ARN."
  }
}

variable "release" {
  description = "The release to run: the artifact bucket's releases/<release>/ holds chat-node.jar and launch-node (the deploy workflow uploads them under the commit's SHA). Changing it rolls the nodes (instance refresh)."
  type        = string

  validation {
    condition     = can(regex("^[0-9A-Za-z._-]{1,64}$", var.release))
    error_message = "release must be 1-64 letters, digits, dots, dashes or underscores."
  }
}

variable "instance_type" {
  description = "EC2 instance type of a node. A node holds about 19,000 sockets in a 1 GiB heap (docs/scaling.md)."
  type        = string
  default     = "c7i.large"
}

variable "node_heap" {
  description = "JVM heap of a node (-Xms and -Xmx), e.g. 1g; leave a quarter of the instance's memory to the rest."
  type        = string
  default     = "2g"

  validation {
    condition     = can(regex("^[0-9]+[mg]$", var.node_heap))
    error_message = "node_heap must be a size such as 1536m or 2g."
  }
}

variable "nodes_min" {
  description = "Fewest nodes; two keep the service up through the loss of one node or one availability zone."
  type        = number
  default     = 2

  validation {
    condition     = var.nodes_min >= 2
    error_message = "nodes_min must be at least 2: one node is a single point of failure."
  }
}

variable "nodes_max" {
  description = "Most nodes the group may scale out to."
  type        = number
  default     = 8

  validation {
    condition     = var.nodes_max >= var.nodes_min && var.nodes_max <= 50
    error_message = "nodes_max must be between nodes_min and 50 (every node receives every event: docs/scaling.md)."
  }
}

variable "sockets_per_node_target" {
  description = "Scale out when the average node holds more open WebSockets than this."
  type        = number
  default     = 12000

  validation {
    condition     = var.sockets_per_node_target >= 100 && var.sockets_per_node_target <= 19000
    error_message = "sockets_per_node_target must be between 100 and 19,000 (what one node was measured to hold)."
  }
}

variable "cpu_target_percent" {
  description = "Scale out when the group's average CPU is above this."
  type        = number
  default     = 60

  validation {
    condition     = var.cpu_target_percent >= 20 && var.cpu_target_percent <= 90
    error_message = "cpu_target_percent must be between 20 and 90."
  }
}

variable "heartbeat_seconds" {
  description = "CHAT_HEARTBEAT_SECONDS of the nodes: a socket may stay quiet for three of them, so the balancer's idle timeout is set above that."
  type        = number
  default     = 25

  validation {
    condition     = var.heartbeat_seconds >= 5 && var.heartbeat_seconds <= 300
    error_message = "heartbeat_seconds must be between 5 and 300 (the balancer's idle timeout tops out at 4000 s)."
  }
}

variable "drain_seconds" {
  description = "CHAT_DRAIN_SECONDS of the nodes: how long a stopping node reports not ready before it closes its sockets. Must outlast the balancer noticing (two failed checks 5 s apart)."
  type        = number
  default     = 15

  validation {
    condition     = var.drain_seconds > 10 && var.drain_seconds <= 120
    error_message = "drain_seconds must be more than 10 (two failed health checks) and at most 120."
  }
}

variable "database_instance_class" {
  description = "RDS instance class of the PostgreSQL primary (and its Multi-AZ standby)."
  type        = string
  default     = "db.m7g.large"

  validation {
    condition     = startswith(var.database_instance_class, "db.")
    error_message = "database_instance_class must be an RDS class such as db.m7g.large."
  }
}

variable "database_storage_gb" {
  description = "Initial storage of the database in GiB; it grows on its own up to four times this."
  type        = number
  default     = 100

  validation {
    condition     = var.database_storage_gb >= 20 && var.database_storage_gb <= 16000
    error_message = "database_storage_gb must be between 20 and 16,000."
  }
}

variable "database_backup_days" {
  description = "Days of automated database backups (point-in-time recovery)."
  type        = number
  default     = 14

  validation {
    condition     = var.database_backup_days >= 7 && var.database_backup_days <= 35
    error_message = "database_backup_days must be between 7 and 35."
  }
}

variable "log_retention_days" {
  description = "Days CloudWatch keeps the nodes' logs and the VPC flow logs."
  type        = number
  default     = 90

  validation {
    condition     = contains([30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1827, 3653], var.log_retention_days)
    error_message = "log_retention_days must be a retention CloudWatch offers, from 30 days up."
  }
}

variable "alarm_email" {
  description = "Where the alarms are mailed; empty: the alarm topic has no subscriber."
  type        = string
  default     = ""

  validation {
    condition     = var.alarm_email == "" || can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", var.alarm_email))
    error_message = "alarm_email must be empty or an e-mail address."
  }
}

variable "requests_per_address_per_5_minutes" {
  description = "HTTP requests one client address may make in five minutes before the firewall (AWS WAF) blocks it; offices behind one NAT share an address."
  type        = number
  default     = 6000

  validation {
    condition     = var.requests_per_address_per_5_minutes >= 100
    error_message = "requests_per_address_per_5_minutes must be at least 100 (AWS WAF's smallest rate limit)."
  }
}
