# One region, two availability zones: the balancer in the public subnets, the nodes and the database in
# the private ones. Each module below is one part of the architecture (README.md has the map).

locals {
  name      = "chat-${var.environment}"
  http_port = 8080
  grid_port = 6900

  # A WebSocket may stay quiet for three heartbeats before the node closes it (docs/protocol.md);
  # the balancer must never close it first, so its idle timeout is that plus a margin.
  idle_timeout_seconds = 3 * var.heartbeat_seconds + 45

  # A stopping node reports not ready for CHAT_DRAIN_SECONDS, then closes its sockets with 1012. The
  # balancer keeps a deregistered node's connections this long, so the drain always finishes first.
  deregistration_delay_seconds = var.drain_seconds + 30

  # Readiness, not liveness: a node that is starting, draining or cut off from the grid says 503.
  health_check_path = "/health/ready"
}

data "aws_availability_zones" "available" {
  state = "available"
}

module "secrets" {
  source = "./modules/secrets"
  name   = local.name
}

module "network" {
  source             = "./modules/network"
  name               = local.name
  cidr               = var.vpc_cidr
  availability_zones = slice(data.aws_availability_zones.available.names, 0, 2)
  kms_key_arn        = module.secrets.kms_key_arn
  log_retention_days = var.log_retention_days
}

module "firewall" {
  source    = "./modules/firewall"
  name      = local.name
  vpc_id    = module.network.vpc_id
  http_port = local.http_port
  grid_port = local.grid_port
}

# The releases: releases/<release>/chat-node.jar and launch-node, uploaded by the deploy workflow and
# read by the nodes at boot; old ones stay a year for rollbacks.
module "artifacts" {
  source                 = "./modules/private-bucket"
  name_prefix            = "${local.name}-artifacts-"
  kms_key_arn            = module.secrets.kms_key_arn
  prefix                 = "releases"
  expire_days            = 365
  noncurrent_expire_days = 90
}

# Files' bytes (CHAT_FILE_STORE=s3, docs/decisions/0035): files/<random name>, put, read and deleted
# by the nodes alone, kept until the cleaner deletes them. A deleted one stays a day as a noncurrent
# version (an operator's mistake can be undone), and an upload a node never finished is aborted after
# a day, behind the nodes' own sweep of those older than an hour. S3-managed keys: the nodes then need
# no grant on the deployment's KMS key to write.
module "files" {
  source                       = "./modules/private-bucket"
  name_prefix                  = "${local.name}-files-"
  prefix                       = "files"
  noncurrent_expire_days       = 1
  abort_incomplete_upload_days = 1
}

module "database" {
  source            = "./modules/database"
  name              = local.name
  subnet_ids        = module.network.private_subnet_ids
  security_group_id = module.firewall.database_security_group_id
  kms_key_arn       = module.secrets.kms_key_arn
  instance_class    = var.database_instance_class
  storage_gb        = var.database_storage_gb
  backup_days       = var.database_backup_days
}

module "balancer" {
  source                       = "./modules/balancer"
  name                         = local.name
  vpc_id                       = module.network.vpc_id
  public_subnet_ids            = module.network.public_subnet_ids
  security_group_id            = module.firewall.balancer_security_group_id
  certificate_arn              = var.certificate_arn
  node_port                    = local.http_port
  idle_timeout_seconds         = local.idle_timeout_seconds
  deregistration_delay_seconds = local.deregistration_delay_seconds
  health_check_path            = local.health_check_path

  requests_per_address_per_5_minutes = var.requests_per_address_per_5_minutes
  kms_key_arn                        = module.secrets.kms_key_arn
  log_retention_days                 = var.log_retention_days
}

module "monitoring" {
  source                  = "./modules/monitoring"
  name                    = local.name
  kms_key_arn             = module.secrets.kms_key_arn
  log_retention_days      = var.log_retention_days
  alarm_email             = var.alarm_email
  balancer_arn_suffix     = module.balancer.arn_suffix
  target_group_arn_suffix = module.balancer.target_group_arn_suffix
  database_identifier     = module.database.identifier
  database_storage_gb     = var.database_storage_gb
}

module "nodes" {
  source                  = "./modules/nodes"
  name                    = local.name
  region                  = var.region
  private_subnet_ids      = module.network.private_subnet_ids
  security_group_id       = module.firewall.node_security_group_id
  target_group_arn        = module.balancer.target_group_arn
  kms_key_arn             = module.secrets.kms_key_arn
  artifact_bucket         = module.artifacts.bucket
  files_bucket            = module.files.bucket
  release                 = var.release
  instance_type           = var.instance_type
  heap                    = var.node_heap
  min_size                = var.nodes_min
  max_size                = var.nodes_max
  cpu_target_percent      = var.cpu_target_percent
  sockets_per_node_target = var.sockets_per_node_target
  http_port               = local.http_port
  grid_port               = local.grid_port
  log_group_name          = module.monitoring.node_log_group_name
  secret_arns = {
    token    = module.secrets.token_secret_arn
    cluster  = module.secrets.cluster_secret_arn
    database = module.database.master_secret_arn
  }
  database_address = module.database.address
  database_name    = module.database.database_name
  database_user    = module.database.master_username
  node_environment = {
    CHAT_HEARTBEAT_SECONDS = tostring(var.heartbeat_seconds)
    CHAT_DRAIN_SECONDS     = tostring(var.drain_seconds)
    # The balancer's addresses: only its X-Forwarded-For is believed (docs/security.md).
    CHAT_TRUSTED_PROXIES = module.network.public_subnet_cidrs_joined
    # Files' bytes in the bucket above, with the instance role's credentials.
    CHAT_FILE_STORE     = "s3"
    CHAT_FILE_S3_BUCKET = module.files.bucket
    CHAT_FILE_S3_REGION = var.region
  }
}
