# One customer-managed key encrypts everything of this deployment at rest (logs, secrets, database,
# artifacts, alarm topic), and the two secrets every node shares: the token secret (signs tokens, so a
# token from one node is good on all) and the cluster secret (signs the events between nodes).

data "aws_caller_identity" "current" {}
data "aws_region" "current" {}
data "aws_partition" "current" {}

resource "aws_kms_key" "this" {
  description             = "${var.name}: logs, secrets, database, artifacts and alarms at rest"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  policy                  = data.aws_iam_policy_document.key.json
}

resource "aws_kms_alias" "this" {
  name          = "alias/${var.name}"
  target_key_id = aws_kms_key.this.key_id
}

data "aws_iam_policy_document" "key" {
  statement {
    sid       = "AccountAdministers"
    actions   = ["kms:*"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:root"]
    }
  }

  statement {
    sid       = "CloudWatchLogsEncrypt"
    actions   = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"]
    resources = ["*"]
    principals {
      type        = "Service"
      identifiers = ["logs.${data.aws_region.current.name}.amazonaws.com"]
    }
    condition {
      test     = "ArnLike"
      variable = "kms:EncryptionContext:aws:logs:arn"
      values   = ["arn:${data.aws_partition.current.partition}:logs:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:*"]
    }
  }

  statement {
    sid       = "AlarmsPublishToEncryptedTopic"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey*"]
    resources = ["*"]
    principals {
      type        = "Service"
      identifiers = ["cloudwatch.amazonaws.com"]
    }
  }
}

locals {
  # Read by every node at every start; a node given another value would reject the others' tokens or
  # events.
  shared_secrets = {
    token   = "CHAT_TOKEN_SECRET: signs users' tokens"
    cluster = "CHAT_CLUSTER_SECRET: signs the events between nodes"
  }
}

resource "random_password" "shared" {
  for_each = local.shared_secrets
  length   = 48
  special  = false
}

resource "aws_secretsmanager_secret" "shared" {
  for_each    = local.shared_secrets
  name_prefix = "${var.name}/${each.key}-secret-"
  description = each.value
  kms_key_id  = aws_kms_key.this.arn
}

resource "aws_secretsmanager_secret_version" "shared" {
  for_each      = local.shared_secrets
  secret_id     = aws_secretsmanager_secret.shared[each.key].id
  secret_string = random_password.shared[each.key].result
}
