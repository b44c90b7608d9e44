# The Application Load Balancer: HTTPS (HTTP only redirects), sticky by cookie so a user's requests and
# socket stay on one node, readiness checks, an idle timeout above three heartbeats, and a
# deregistration delay that outlasts a node's drain.

resource "aws_lb" "this" {
  name                       = var.name
  load_balancer_type         = "application"
  internal                   = false
  security_groups            = [var.security_group_id]
  subnets                    = var.public_subnet_ids
  idle_timeout               = var.idle_timeout_seconds
  drop_invalid_header_fields = true
  enable_deletion_protection = true
  # The client's address goes last in X-Forwarded-For, after whatever the client sent: the node
  # believes that last entry only (CHAT_TRUSTED_PROXIES, docs/security.md).
  xff_header_processing_mode = "append"

  access_logs {
    bucket  = module.access_logs.bucket
    prefix  = "balancer"
    enabled = true
  }

  # The bucket's policy must let the balancer write before it is told to.
  depends_on = [module.access_logs]
}

resource "aws_lb_target_group" "nodes" {
  name_prefix          = "chat-"
  port                 = var.node_port
  protocol             = "HTTP"
  vpc_id               = var.vpc_id
  target_type          = "instance"
  deregistration_delay = var.deregistration_delay_seconds

  stickiness {
    enabled         = true
    type            = "lb_cookie"
    cookie_duration = 86400
  }

  # Two failed checks five seconds apart take a draining node out of rotation: CHAT_DRAIN_SECONDS
  # must be longer (the variable's validation says so).
  health_check {
    path                = var.health_check_path
    matcher             = "200"
    interval            = 5
    timeout             = 3
    healthy_threshold   = 2
    unhealthy_threshold = 2
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.this.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = var.certificate_arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.nodes.arn
  }
}

# The nodes' metrics are for the instances themselves (the socket count they publish), not the world.
resource "aws_lb_listener_rule" "hide_metrics" {
  listener_arn = aws_lb_listener.https.arn
  priority     = 10

  condition {
    path_pattern {
      values = ["/metrics", "/metrics/*"]
    }
  }

  action {
    type = "fixed-response"
    fixed_response {
      content_type = "text/plain"
      message_body = "not found"
      status_code  = "404"
    }
  }
}

resource "aws_lb_listener" "http_redirect" {
  load_balancer_arn = aws_lb.this.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "redirect"
    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }
}

# Access logs, written by the balancer's own AWS account for this region. It can only write with
# S3-managed keys, not with a KMS key. Each line holds the request's URL, so no credential travels in
# one: a socket's token goes in a header (decision 0024).
data "aws_elb_service_account" "this" {}

module "access_logs" {
  source                 = "../private-bucket"
  name_prefix            = "${var.name}-lb-logs-"
  prefix                 = "balancer"
  expire_days            = 90
  noncurrent_expire_days = 7
  writers                = [data.aws_elb_service_account.this.arn]
}
