variable "name_prefix" {
  description = "Start of the bucket's name; S3 adds a unique suffix."
  type        = string
}

variable "kms_key_arn" {
  description = "Key that encrypts the objects; null for S3-managed keys (for writers that cannot use KMS)."
  type        = string
  default     = null
}

variable "prefix" {
  description = "The folder the objects go under, without slashes."
  type        = string
}

variable "expire_days" {
  description = "Days an object under the prefix is kept; null keeps it until it is deleted."
  type        = number
  default     = null
}

variable "noncurrent_expire_days" {
  description = "Days an overwritten or deleted version is kept."
  type        = number
}

variable "abort_incomplete_upload_days" {
  description = "Days after which a multipart upload never completed is aborted and its parts deleted."
  type        = number
  default     = 7
}

variable "writers" {
  description = "AWS principals (ARNs) allowed to put objects under the prefix through the bucket policy."
  type        = list(string)
  default     = []
}
