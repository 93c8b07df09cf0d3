# A variable that only accepts numbers already in E.164 form.
variable "main_line" {
  type = string
  validation {
    condition     = provider::operatorconnect::is_e164(var.main_line)
    error_message = "main_line must be in E.164 form, e.g. \"+442079460101\"."
  }
}
