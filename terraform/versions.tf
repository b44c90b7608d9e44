terraform {
  required_version = ">= 1.6.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.70"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
  }

  # State lives in S3, given at `terraform init -backend-config=...` (docs/deploy.md): one bucket and
  # lock table per account, never in this repository.
  backend "s3" {}
}

provider "aws" {
  region = var.region

  default_tags {
    tags = {
      Project     = "chat"
      Environment = var.environment
      ManagedBy   = "terraform"
    }
  }
}
