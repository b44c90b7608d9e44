variable "name" {
  description = "Prefix of every resource name."
  type        = string
}

variable "vpc_id" {
  description = "The VPC the groups belong to."
  type        = string
}

variable "http_port" {
  description = "The nodes' HTTP port (REST, WebSocket, health)."
  type        = number
}

variable "grid_port" {
  description = "The nodes' data grid (Hazelcast) port."
  type        = number
}
