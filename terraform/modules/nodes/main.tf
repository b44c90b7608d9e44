# The nodes: an Auto Scaling group over the private subnets, from a launch template that runs release
# var.release. A new release or configuration is a new template version, which starts an instance
# refresh: new nodes come up and report ready before old ones are drained and terminated.

locals {
  # Fixed, not generated: each node's start script names the group in the socket metric it publishes.
  autoscaling_group = "${var.name}-nodes"
  # The tag every node carries and every starting node looks for to find the others.
  cluster_tag = var.name
}

data "aws_ssm_parameter" "al2023" {
  name = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64"
}

resource "aws_launch_template" "this" {
  name_prefix            = "${var.name}-node-"
  image_id               = data.aws_ssm_parameter.al2023.value
  instance_type          = var.instance_type
  vpc_security_group_ids = [var.security_group_id]
  update_default_version = true
  ebs_optimized          = true

  iam_instance_profile {
    arn = aws_iam_instance_profile.this.arn
  }

  # IMDSv2 only, one hop: a request forged through the node cannot read the instance's credentials.
  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
    instance_metadata_tags      = "disabled"
  }

  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size           = 30
      volume_type           = "gp3"
      encrypted             = true
      kms_key_id            = var.kms_key_arn
      delete_on_termination = true
    }
  }

  monitoring {
    enabled = true
  }

  tag_specifications {
    resource_type = "instance"
    tags          = { Name = "${var.name}-node", "chat:cluster" = local.cluster_tag, Release = var.release }
  }

  tag_specifications {
    resource_type = "volume"
    tags          = { Name = "${var.name}-node" }
  }

  user_data = base64encode(templatefile("${path.module}/user-data.sh.tftpl", {
    region              = var.region
    bucket              = var.artifact_bucket
    release             = var.release
    heap                = var.heap
    http_port           = var.http_port
    grid_port           = var.grid_port
    cluster_tag         = local.cluster_tag
    autoscaling_group   = local.autoscaling_group
    log_group           = var.log_group_name
    database_address    = var.database_address
    database_name       = var.database_name
    database_user       = var.database_user
    database_secret_arn = var.secret_arns.database
    token_secret_arn    = var.secret_arns.token
    cluster_secret_arn  = var.secret_arns.cluster
    node_environment    = var.node_environment
  }))
}

resource "aws_autoscaling_group" "this" {
  name                      = local.autoscaling_group
  vpc_zone_identifier       = var.private_subnet_ids
  min_size                  = var.min_size
  max_size                  = var.max_size
  target_group_arns         = [var.target_group_arn]
  health_check_type         = "ELB"
  health_check_grace_period = 300
  default_instance_warmup   = 120
  # Scale-in keeps the nodes of the current release longest.
  termination_policies = ["OldestLaunchTemplate", "OldestInstance"]
  enabled_metrics      = ["GroupInServiceInstances", "GroupDesiredCapacity", "GroupTerminatingInstances"]

  launch_template {
    id      = aws_launch_template.this.id
    version = aws_launch_template.this.latest_version
  }

  # A rolling upgrade without losing capacity: a new node is ready before an old one goes (the old
  # one drains: deregistration delay, then SIGTERM and CHAT_DRAIN_SECONDS).
  instance_refresh {
    strategy = "Rolling"
    preferences {
      min_healthy_percentage = 100
      max_healthy_percentage = 200
      instance_warmup        = 120
      auto_rollback          = true
    }
  }

  tag {
    key                 = "Name"
    value               = "${var.name}-node"
    propagate_at_launch = true
  }

  lifecycle {
    # Capacity belongs to the scaling policies once the group exists.
    ignore_changes = [desired_capacity]
  }
}

resource "aws_autoscaling_policy" "cpu" {
  name                   = "${var.name}-cpu"
  autoscaling_group_name = aws_autoscaling_group.this.name
  policy_type            = "TargetTrackingScaling"

  target_tracking_configuration {
    target_value = var.cpu_target_percent
    predefined_metric_specification {
      predefined_metric_type = "ASGAverageCPUUtilization"
    }
  }
}

resource "aws_autoscaling_policy" "sockets" {
  name                   = "${var.name}-sockets"
  autoscaling_group_name = aws_autoscaling_group.this.name
  policy_type            = "TargetTrackingScaling"

  # Each node publishes its open WebSockets a minute (chat-sockets-metric.timer in the user data).
  target_tracking_configuration {
    target_value = var.sockets_per_node_target
    customized_metric_specification {
      namespace   = "Chat"
      metric_name = "SocketsPerNode"
      statistic   = "Average"
      metric_dimension {
        name  = "AutoScalingGroupName"
        value = local.autoscaling_group
      }
    }
  }
}

# --- what a node may do: read its release, its secrets and its key, keep files' bytes, find its
# peers, write its logs and its socket metric. Nothing else.

resource "aws_iam_role" "this" {
  name_prefix        = "${var.name}-node-"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_instance_profile" "this" {
  name_prefix = "${var.name}-node-"
  role        = aws_iam_role.this.name
}

# Operators reach a node through Session Manager: no SSH port, no key pair.
resource "aws_iam_role_policy_attachment" "session_manager" {
  role       = aws_iam_role.this.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

resource "aws_iam_role_policy" "node" {
  name_prefix = "${var.name}-node-"
  role        = aws_iam_role.this.id
  policy      = data.aws_iam_policy_document.node.json
}

data "aws_iam_policy_document" "node" {
  statement {
    sid       = "ReadReleases"
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::${var.artifact_bucket}/releases/*"]
  }

  # PutObject covers a multipart upload's start, parts and completion; no listing of the objects.
  statement {
    sid       = "KeepFiles"
    actions   = ["s3:PutObject", "s3:GetObject", "s3:DeleteObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"]
    resources = ["arn:aws:s3:::${var.files_bucket}/files/*"]
  }

  # The cleaner's sweep: uploads a stopped node left unfinished (S3ByteStore.sweep).
  statement {
    sid       = "FindUnfinishedUploads"
    actions   = ["s3:ListBucketMultipartUploads"]
    resources = ["arn:aws:s3:::${var.files_bucket}"]
  }

  statement {
    sid       = "ReadSecrets"
    actions   = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]
    resources = values(var.secret_arns)
  }

  statement {
    sid       = "DecryptWithTheDeploymentKey"
    actions   = ["kms:Decrypt"]
    resources = [var.kms_key_arn]
  }

  statement {
    sid       = "FindPeers"
    actions   = ["ec2:DescribeInstances"]
    resources = ["*"]
  }

  statement {
    sid       = "PublishSocketCount"
    actions   = ["cloudwatch:PutMetricData"]
    resources = ["*"]
    condition {
      test     = "StringEquals"
      variable = "cloudwatch:namespace"
      values   = ["Chat"]
    }
  }

  statement {
    sid       = "WriteLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"]
    resources = ["arn:aws:logs:${var.region}:*:log-group:${var.log_group_name}:*"]
  }
}
