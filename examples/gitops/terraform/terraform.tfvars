# Reviewed in pull requests like the code. Users by Entra object id.
assignments = {
  "+442079460101" = { user_id = "a0e118f7-4ff5-40de-86ed-6d26030fd1b8", place = "London office/Floor 2" } # Alice Hughes
}
