variable "name" {
  description = "Prefix of every resource name."
  type        = string
}
