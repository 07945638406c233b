//! What ecslint knows about ECS, apart from any rule: the Fargate size table, port ranges, the
//! API's name pattern, image references. Rules and the linker use it; it uses nothing of theirs.

pub mod elb;
pub mod fargate;
pub mod images;
pub mod logging;
pub mod names;
pub mod ports;
